// Calls the API with the session cookie; sends the antiforgery token on requests that change something. A lost session
// goes back to the sign-in page.
let csrfToken = null;

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function api(path, { method = 'GET', json, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-TOKEN'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: json !== undefined ? JSON.stringify(json) : body,
  });
  if (response.status === 401 && !path.startsWith('/api/auth/')) {
    location.assign('/signin.html');
    throw new ApiError(401, null);
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export async function whoAmI() {
  const me = await api('/api/me');
  csrfToken = me.csrf_token;
  return me;
}

export async function signOut() {
  try { await api('/api/auth/sign-out', { method: 'POST' }); } finally { location.assign('/signin.html'); }
}
