dofile(os.getenv("BENCH_SCENARIOS") .. "/common.lua")
wrk.headers["Content-Type"] = "application/json"
request = function()
  local body = string.format('{"tax_id":"%09d"}', math.random(100000000, 999999999))
  return wrk.format("PUT", "/v1/customers/" .. seeded_id(random_row()), nil, body)
end
