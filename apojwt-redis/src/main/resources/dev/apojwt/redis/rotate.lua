-- KEYS: session, ended sessions, version. ARGV: presented id, next id, grace seconds, now, sid, channel.
local s = redis.call('HMGET', KEYS[1], 'cur', 'prev', 'rot', 'exp')
if not s[1] then
  return {'ended'}
end
local now = tonumber(ARGV[4])
if tonumber(s[4]) <= now then
  return {'ended'}
end
if s[1] == ARGV[1] then
  redis.call('HSET', KEYS[1], 'cur', ARGV[2], 'prev', ARGV[1], 'rot', ARGV[4])
  return {'rotated', ARGV[2], s[4]}
end
if s[2] == ARGV[1] then
  if s[1] == ARGV[2] then
    return {'rotated', ARGV[2], s[4]} -- the same call resent after a lost connection
  end
  if now - tonumber(s[3]) < tonumber(ARGV[3]) then
    return {'grace', s[1], s[4]}
  end
end
-- A token of this session that was rotated before: the whole session ends (RFC 9700 4.14.2).
return {'reused', revoke_session(KEYS[1], ARGV[5], KEYS[2], KEYS[3], ARGV[6])}
