-- Guest GETs of thread pages (JSON) chosen by Zipf's law over all threads FIRST+1..LAST: the thread of rank r is asked
-- for with weight 1/r^S (S=1 unless set), as on a real forum a few threads are hot and most are a long tail. Rank r is
-- thread FIRST+r; which threads are hot does not matter to the server, only how requests spread over them.
local first = tonumber(os.getenv("FIRST") or "1")
local last = tonumber(os.getenv("LAST") or "2")
local s = tonumber(os.getenv("S") or "1")
local n = last - first
-- GZIP=1: ask as browsers do (Accept-Encoding: gzip), so the server may answer with a compressed page
local headers = {}
if os.getenv("GZIP") == "1" then headers["Accept-Encoding"] = "gzip, deflate, br" end
local cdf = {}
local total = 0
for r = 1, n do
  total = total + 1 / (r ^ s)
  cdf[r] = total
end

function setup(thread)
  thread:set("id", tostring(math.random(1, 1000000)))
end

function init(args)
  math.randomseed(os.time() + tonumber(id or "0"))
end

local function rank()
  local u = math.random() * total
  local lo, hi = 1, n
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cdf[mid] < u then lo = mid + 1 else hi = mid end
  end
  return lo
end

request = function()
  return wrk.format("GET", "/api/v1/threads/" .. (first + rank()), headers)
end
