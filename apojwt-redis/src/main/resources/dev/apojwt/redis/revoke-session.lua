-- Shared by the scripts that end sessions: deletes the session's hash, records it in the ended
-- sessions (kept until the session's own expiry), bumps the revocation version and publishes the
-- revocation to every instance's mirror. Answers the session's expiry, or false if there was none.
local function revoke_session(key, sid, ended, version, channel)
  local exp = redis.call('HGET', key, 'exp')
  if not exp then
    return false
  end
  redis.call('DEL', key)
  redis.call('ZADD', ended, 'GT', exp, sid)
  local v = redis.call('INCR', version)
  redis.call('PUBLISH', channel, 's ' .. v .. ' ' .. exp .. ' ' .. sid)
  return exp
end
