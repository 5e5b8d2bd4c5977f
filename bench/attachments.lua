-- Attachments for bench/attachments.sh, chosen by environment variables:
--   KIND=upload  POST /api/v1/boards/{BOARD}/attachments with the prebuilt multipart body in BODY (boundary BOUNDARY);
--                each wrk thread uploads as its own member: line (thread number) of SESSIONS ("cookie csrf" lines)
--   KIND=get     GET URL_PATH with the first session's cookie (a member who may see the post)
local kind = os.getenv("KIND") or "get"
local sessions = {}
for line in io.lines(os.getenv("SESSIONS")) do
  local cookie, csrf = line:match("^(%S+) (%S+)$")
  if cookie then sessions[#sessions + 1] = { cookie = cookie, csrf = csrf } end
end
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("n", threads)
end

local req
function init(args)
  local s = sessions[((n or 1) - 1) % #sessions + 1]
  if kind == "upload" then
    local f = assert(io.open(os.getenv("BODY"), "rb"))
    local body = f:read("*a")
    f:close()
    req = wrk.format("POST", "/api/v1/boards/" .. os.getenv("BOARD") .. "/attachments", {
      ["Cookie"] = s.cookie, ["X-CSRF-Token"] = s.csrf,
      ["Content-Type"] = "multipart/form-data; boundary=" .. os.getenv("BOUNDARY") }, body)
  else
    req = wrk.format("GET", os.getenv("URL_PATH"), { ["Cookie"] = s.cookie })
  end
end

request = function()
  return req
end
