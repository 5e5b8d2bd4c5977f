-- Guest GETs of thread pages (JSON, gzip as browsers ask) by Zipf's law (s=1) over threads FIRST+1..LAST, as
-- bench/zipf.lua, with every EVERY-th request of each wrk thread a reply by a signed-in member (SESSIONS: "cookie csrf"
-- lines) to a random thread. The share of writes is fixed by count, not by time, so the guest page cache's hit rate
-- (read from /bench/guest-cache around the row) does not move with the machine's load (bench/zipf-writes.sh).
local first = tonumber(os.getenv("FIRST") or "1")
local last = tonumber(os.getenv("LAST") or "2")
local every = tonumber(os.getenv("EVERY") or "600")
local n = last - first
local cdf = {}
local total = 0
for r = 1, n do
  total = total + 1 / r
  cdf[r] = total
end
local sessions = {}
for line in io.lines(os.getenv("SESSIONS")) do
  local cookie, csrf = line:match("^(%S+) (%S+)$")
  if cookie then sessions[#sessions + 1] = { cookie = cookie, csrf = csrf } end
end
local counter = 0

function init(args)
  math.randomseed(os.time() + math.random(1, 100000))
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
  counter = counter + 1
  if counter % every == 0 then
    local s = sessions[(counter / every % #sessions) + 1]
    local id = math.random(math.min(first + 1, last), last)
    return wrk.format("POST", "/api/v1/threads/" .. id .. "/posts",
      { ["Cookie"] = s.cookie, ["X-CSRF-Token"] = s.csrf, ["Content-Type"] = "application/json" },
      '{"body":"Zipf writes reply ' .. counter .. ': the hot threads stay hot."}')
  end
  return wrk.format("GET", "/api/v1/threads/" .. (first + rank()), { ["Accept-Encoding"] = "gzip, deflate, br" })
end
