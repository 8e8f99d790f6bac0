-- A fixed path, given as BENCH_PATH (health, list pages, supported documents).
dofile(os.getenv("BENCH_SCENARIOS") .. "/common.lua")
local path = os.getenv("BENCH_PATH")
request = function() return wrk.format("GET", path) end
