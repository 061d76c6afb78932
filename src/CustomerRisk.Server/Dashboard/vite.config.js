import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Two pages: the sign-in page (public) and the dashboard (served only to a signed-in user). No inline scripts, so
// the server's content security policy can forbid them.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    // ECharts is most of the bundle (about 190 kB gzipped); one file is simplest to cache.
    chunkSizeWarningLimit: 800,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        signin: resolve(import.meta.dirname, 'signin.html'),
      },
    },
  },
});
