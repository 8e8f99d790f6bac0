-- Shared by every scenario: the API key header and a random customer of the seeded range.
local key = os.getenv("BENCH_API_KEY") or ""
local rows = tonumber(os.getenv("BENCH_ROWS") or "1000")
wrk.headers["Authorization"] = "Bearer " .. key

function seeded_id(n) return string.format("cus_%024d", n) end
function seeded_phone(n) return string.format("%%2B25882%07d", n) end
function random_row() return math.random(1, rows) end

-- Each thread has its own Lua state: seed each differently, or all threads pick the same
-- customers at the same moment (and updates would conflict with each other by construction).
local threads_started = 0
function setup(thread)
  threads_started = threads_started + 1
  thread:set("thread_number", threads_started)
end
function init(args)
  math.randomseed(os.time() * 1000 + (thread_number or 0) * 7919)
end
