-- Every thread page FIRST+1..LAST once in turn, as browsers ask (gzip): fills the guest page cache with all threads
-- (bench/zipf-budget.sh PREFILL=1). Each wrk thread starts at another offset.
local first = tonumber(os.getenv("FIRST") or "1")
local last = tonumber(os.getenv("LAST") or "2")
local n = last - first
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("offset", counter)
end
local i = 0
request = function()
  i = i + 1
  local r = ((i * 2 + (offset or 0)) % n) + 1
  return wrk.format("GET", "/api/v1/threads/" .. (first + r), {["Accept-Encoding"] = "gzip, deflate, br"})
end
