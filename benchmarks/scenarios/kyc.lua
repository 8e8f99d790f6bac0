-- One flow = upload-document (a one-page passport) then upload-selfie against its reference, both
-- decided at once by the sandbox (the synchronous KYC path). Each flow verifies one seeded
-- customer, so every thread of every run phase walks customers of its own (one of 60 lanes of
-- 15,000 seeded rows: BENCH_ROWS must be at least 900,000). A thread serves many connections
-- whose answers come back in any order, so an upload names its customer in its Request-Id (which
-- the answer echoes), and the selfies due wait in a queue.
dofile(os.getenv("BENCH_SCENARIOS") .. "/common.lua")
local phase = tonumber(os.getenv("BENCH_PHASE") or "0")
local boundary = "----bench-kyc-boundary"
local threads = 0
local counter = 0
local due = {}

local function read(name)
  local file = assert(io.open(os.getenv("BENCH_SCENARIOS") .. "/" .. name, "rb"))
  local bytes = file:read("*a")
  file:close()
  return bytes
end
local document = read("kyc-document.jpg")
local selfie = read("kyc-selfie.jpg")

local function multipart(fields, name, filename, bytes)
  local parts = {}
  for _, field in ipairs(fields) do
    parts[#parts + 1] = "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\""
      .. field[1] .. "\"\r\n\r\n" .. field[2] .. "\r\n"
  end
  parts[#parts + 1] = "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"" .. name
    .. "\"; filename=\"" .. filename .. "\"\r\nContent-Type: image/jpeg\r\n\r\n" .. bytes .. "\r\n"
  parts[#parts + 1] = "--" .. boundary .. "--\r\n"
  return table.concat(parts)
end

setup = function(thread)
  threads = threads + 1
  thread:set("lane", (phase * 2 + threads) % 60)
end

init = function(args)
  counter = 0
  wrk.headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
end

request = function()
  local next = table.remove(due, 1)
  if next then
    local body = multipart({ { "reference", next.reference } }, "image", "me.jpg", selfie)
    return wrk.format("POST", "/v1/customers/" .. next.customer .. "/upload-selfie", nil, body)
  end
  counter = counter + 1
  local customer = seeded_id((lane or 0) * 15000 + counter % 15000 + 1)
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Request-Id"] = "kyc:" .. customer .. ":" .. counter
  local body = multipart({ { "doc_type", "MZ_PASSPORT" } }, "image1", "front.jpg", document)
  return wrk.format("POST", "/v1/customers/" .. customer .. "/upload-document", headers, body)
end

response = function(status, headers, body)
  if status == 200 then
    local reference = body:match('"reference":"(ref_[%w]+)"')
    local customer = (headers["Request-Id"] or headers["request-id"] or ""):match("kyc:(cus_%w+):")
    if reference and customer then
      due[#due + 1] = { customer = customer, reference = reference }
    end
  end
end
