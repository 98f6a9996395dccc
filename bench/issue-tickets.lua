-- wrk script: issues walk-in tickets round-robin over the (mall, service) pairs in bench targets file.
-- The targets file has one "mallCode serviceCode" pair per line; its path comes in the TARGETS environment variable.
local targets = {}
for line in io.lines(os.getenv("TARGETS")) do
  local mall, service = line:match("^(%S+)%s+(%S+)$")
  if mall then
    targets[#targets + 1] = { path = "/api/v1/malls/" .. mall .. "/tickets",
                              body = '{"serviceCode":"' .. service .. '"}' }
  end
end
local counter = 0
local created = 0
local other = 0

request = function()
  counter = counter + 1
  local target = targets[(counter % #targets) + 1]
  return wrk.format("POST", target.path, { ["Content-Type"] = "application/json" }, target.body)
end

response = function(status)
  if status == 201 then
    created = created + 1
  else
    other = other + 1
  end
end
