-- Replies by signed-in members: POST /api/v1/threads/{id}/posts with the session cookie and its CSRF token,
-- rotating over the members in SESSIONS ("cookie csrf" lines) and over threads FIRST+1..LAST.
local first = tonumber(os.getenv("FIRST") or "1")
local last = tonumber(os.getenv("LAST") or "1")
local sessions = {}
for line in io.lines(os.getenv("SESSIONS")) do
  local cookie, csrf = line:match("^(%S+) (%S+)$")
  if cookie then sessions[#sessions + 1] = { cookie = cookie, csrf = csrf } end
end
local counter = 0
local ok, failed = 0, 0

function init(args)
  math.randomseed(os.time() + math.random(1, 100000))
end

request = function()
  counter = counter + 1
  local s = sessions[(counter % #sessions) + 1]
  local id = math.random(math.min(first + 1, last), last)
  local body = '{"body":"Benchmark reply ' .. counter .. ': agreed, @SwiftClimber1, the **new** tyres roll better."}'
  return wrk.format("POST", "/api/v1/threads/" .. id .. "/posts",
    { ["Cookie"] = s.cookie, ["X-CSRF-Token"] = s.csrf, ["Content-Type"] = "application/json" }, body)
end
