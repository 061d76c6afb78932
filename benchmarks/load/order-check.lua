-- wrk script: POST /api/orders/check with a bearer token, spreading the checks over every customer of the store.
-- Environment: CRISK_TOKEN (the API token), CRISK_CUSTOMERS (a file with one customer id a line),
-- CRISK_AS_OF (the order date, the same for every check so the figures cache is used), CRISK_WALK=sequential
-- (each thread walks its share of the customers in order, once, then stops: the warm-up) or random (the default).

local ids = {}
for line in io.lines(os.getenv("CRISK_CUSTOMERS")) do
  if line ~= "" then ids[#ids + 1] = line end
end

local token = os.getenv("CRISK_TOKEN")
local as_of = os.getenv("CRISK_AS_OF") or "2026-06-30"
local sequential = os.getenv("CRISK_WALK") == "sequential"
local thread_count = 0

function setup(thread)
  thread:set("thread_index", thread_count)
  thread_count = thread_count + 1
end

local counter = 0

function init(args)
  math.randomseed(os.time() + (thread_index or 0) * 7919)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end

function request()
  local id
  if sequential then
    -- Thread i takes customers i, i + threads, i + 2 threads, ...; the count comes from the environment.
    local threads = tonumber(os.getenv("CRISK_THREADS") or "1")
    id = ids[((thread_index or 0) + counter * threads) % #ids + 1]
  else
    id = ids[math.random(#ids)]
  end
  counter = counter + 1
  local amount = math.random(10, 5000)
  local body = string.format('{"customer_id":"%s","amount":%d,"as_of":"%s"}', id, amount, as_of)
  return wrk.format(nil, "/api/orders/check", nil, body)
end

-- The warm-up stops each thread once it has had an answer for its share of the customers.
if sequential then
  local answered = 0
  function response(status, headers, body)
    answered = answered + 1
    local threads = tonumber(os.getenv("CRISK_THREADS") or "1")
    if answered >= math.ceil(#ids / threads) then wrk.thread:stop() end
  end
end

-- wrk prints the count of non-2xx answers itself; CRISK_DEBUG=1 prints the first few in full (costs a Lua call per answer).
if os.getenv("CRISK_DEBUG") and not sequential then
  local shown = 0
  function response(status, headers, body)
    if status ~= 200 and shown < 5 then
      shown = shown + 1
      io.stderr:write("HTTP " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n")
    end
  end
end
