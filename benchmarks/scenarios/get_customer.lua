dofile(os.getenv("BENCH_SCENARIOS") .. "/common.lua")
request = function()
  return wrk.format("GET", "/v1/customers/" .. seeded_id(random_row()))
end
