dofile(os.getenv("BENCH_SCENARIOS") .. "/common.lua")
request = function()
  return wrk.format("GET", "/v1/customers/get-receiver/" .. seeded_phone(random_row()))
end
