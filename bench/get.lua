-- GET requests rotating over threads, boards and pages; which ones by environment variables:
--   KIND   ping | thread_json | thread_html | mega_json | mega_html | board | index | whats_new
--   FIRST, LAST   thread ids to rotate over (the mega-thread, FIRST, is skipped by thread_*)
--   MEGA, PAGE    mega-thread id and page;  BOARDS  number of boards
--   HOT           if set, thread_* rotate over only that many threads after FIRST (popular threads)
--   SESSIONS      file of "cookie csrf" lines: each request goes as one of these members (signed-in rows)
--   MEGA_PATH     canonical path of the mega-thread (/threads/{slug}.{id}/), for mega_html
--   PATHS         file of canonical thread page paths (/threads/{slug}.{id}/), one a line: thread_html picks from
--                 these; without it thread_html asks for /threads/t.{id}/, which answers a 301 to the canonical path
--   GZIP=1        ask as browsers do (Accept-Encoding: gzip)
local kind = os.getenv("KIND") or "ping"
local first = tonumber(os.getenv("FIRST") or "1")
local last = tonumber(os.getenv("LAST") or "1")
local mega = tonumber(os.getenv("MEGA") or "1")
local page = tonumber(os.getenv("PAGE") or "1")
local boards = tonumber(os.getenv("BOARDS") or "1")
local hot = tonumber(os.getenv("HOT") or "0")
if hot > 0 then last = math.min(last, first + hot) end
local sessions = {}
local file = os.getenv("SESSIONS")
if file and file ~= "" then
  for line in io.lines(file) do
    local cookie, csrf = line:match("^(%S+) (%S+)$")
    if cookie then sessions[#sessions + 1] = cookie end
  end
end
local paths = {}
local pathsFile = os.getenv("PATHS")
if pathsFile and pathsFile ~= "" then
  for line in io.lines(pathsFile) do
    if line ~= "" then paths[#paths + 1] = line end
  end
end
local counter = 0
local gzip = os.getenv("GZIP") == "1"

local function path()
  if kind == "ping" then return "/bench/ping" end
  if kind == "index" then return "/api/v1/boards" end
  if kind == "whats_new" then return "/api/v1/whats-new" end
  if kind == "board" then return "/api/v1/boards/" .. math.random(1, boards) end
  if kind == "mega_json" then return "/api/v1/threads/" .. mega .. "?page=" .. page end
  if kind == "mega_html" then
    local base = os.getenv("MEGA_PATH") or ("/threads/t." .. mega .. "/")
    if page == 1 then return base end
    return base .. "page-" .. page
  end
  local id = math.random(math.min(first + 1, last), last)
  if kind == "thread_html" then
    if #paths > 0 then return paths[math.random(1, #paths)] end
    return "/threads/t." .. id .. "/"
  end
  return "/api/v1/threads/" .. id
end

function setup(thread)
  thread:set("id", tostring(math.random(1, 1000000)))
end

function init(args)
  math.randomseed(os.time() + tonumber(id or "0"))
end

request = function()
  counter = counter + 1
  local headers = {}
  if gzip then headers["Accept-Encoding"] = "gzip, deflate, br" end
  if #sessions > 0 then
    headers["Cookie"] = sessions[(counter % #sessions) + 1]
  end
  return wrk.format("GET", path(), headers)
end
