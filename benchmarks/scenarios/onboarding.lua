-- One flow = initiate (201, sandbox code in the body) then verify (201). Every thread of every
-- run phase (BENCH_PHASE 0 to 29) walks its own phone numbers (one of 60 lanes: the mobile
-- prefixes 82 to 87 times ten), so no flow meets another's rate limit or registered phone.
-- With BENCH_IDEMPOTENCY=1 every request carries its own Idempotency-Key, as a careful mobile
-- client sends them.
dofile(os.getenv("BENCH_SCENARIOS") .. "/common.lua")
wrk.headers["Content-Type"] = "application/json"
local phase = tonumber(os.getenv("BENCH_PHASE") or "0")
local keyed = os.getenv("BENCH_IDEMPOTENCY") == "1"
local threads = 0
local counter = 0
local pending = nil
local pending_session = nil

setup = function(thread)
  threads = threads + 1
  thread:set("lane", (phase * 2 + threads) % 60)
end

init = function(args)
  counter = 0
end

-- wrk.format takes the given headers instead of wrk.headers, so a keyed request copies them.
local function post(path, body, key)
  if not keyed then
    return wrk.format("POST", path, nil, body)
  end
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Idempotency-Key"] = key
  return wrk.format("POST", path, headers, body)
end

request = function()
  if pending then
    local body = string.format('{"session_id":"%s","verification_code":"%s"}', pending.session, pending.otp)
    pending_session = pending.session
    pending = nil
    return post("/v1/customers", body, "verify-" .. pending_session)
  end
  counter = counter + 1
  local l = lane or 0
  local phone = string.format("+2588%d%d%06d", 2 + math.floor(l / 10), l % 10, counter % 1000000)
  return post("/v1/customers/initiate", '{"phone_number":"' .. phone .. '"}', "initiate-" .. phone)
end

response = function(status, headers, body)
  if status == 201 then
    local session = body:match('"session_id":"(pvs_[%w]+)"')
    local otp = body:match('"otp":"(%d+)"')
    if session and otp then pending = { session = session, otp = otp } end
  end
end
