-- wrk script: booking POSTs spread over many slots, each by a different
-- person (a valid resident ID number made from a counter) whose browser
-- has proved a mobile of its own (proof cookies made by tests/bench/run.sh,
-- one per line of BENCH_PROOFS: "mobile cookie"), with one visitor's CSRF
-- cookie and token.
local counter = 0
local one_address = os.getenv("BENCH_ONE_ADDRESS") == "1"
local slots = {}
for id in string.gmatch(os.getenv("BENCH_SLOTS") or "", "%d+") do slots[#slots + 1] = id end
local cookie = os.getenv("BENCH_COOKIE")
local token = os.getenv("BENCH_TOKEN")
local proofs = {}
for line in io.lines(os.getenv("BENCH_PROOFS")) do
  local mobile, proof = line:match("^(%d+) (%S+)$")
  proofs[#proofs + 1] = proof
end
local weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
local checks = "10X98765432"

local function resident_id(n)
  local year = 1950 + n % 50
  local month = 1 + math.floor(n / 50) % 12
  local day = 1 + math.floor(n / 600) % 28
  local seq = math.floor(n / 16800) % 1000
  local body = string.format("440305%04d%02d%02d%03d", year, month, day, seq)
  local sum = 0
  for i = 1, 17 do sum = sum + tonumber(body:sub(i, i)) * weights[i] end
  local r = sum % 11
  return body .. checks:sub(r + 1, r + 1)
end

function setup(thread)
  thread:set("offset", math.random(1, 4000000))
end

function request()
  counter = counter + 1
  local n = offset + counter
  local slot = slots[(n % #slots) + 1]
  local body = "_csrf=" .. token .. "&patient_name=%E5%8E%8B%E6%B5%8B&id_type=resident_id&id_number=" ..
               resident_id(n)
  local proof = proofs[(n % #proofs) + 1]
  -- each booking from an address of its own (the bench instance takes
  -- X-Forwarded-For from loopback), as patients come from many
  -- (BENCH_ONE_ADDRESS=1: all from wrk's own, as patients behind one NAT)
  local address = one_address and "127.0.0.1" or
                  string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
  return wrk.format("POST", "/booking/slots/" .. slot,
                    {["Content-Type"] = "application/x-www-form-urlencoded",
                     ["X-Forwarded-For"] = address,
                     ["Cookie"] = "csrf=" .. cookie .. "; mobile_ok=" .. proof}, body)
end
