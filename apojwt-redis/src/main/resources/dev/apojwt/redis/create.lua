-- KEYS: session, subject's sessions. ARGV: sid, subject, refresh id, expiresAt, ttl, now, session key prefix.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0 -- the same call resent after a lost connection
end
redis.call('HSET', KEYS[1], 'sub', ARGV[2], 'cur', ARGV[3], 'prev', '', 'rot', ARGV[6], 'exp', ARGV[4])
redis.call('EXPIRE', KEYS[1], ARGV[5])
redis.call('SADD', KEYS[2], ARGV[1])
if redis.call('TTL', KEYS[2]) < tonumber(ARGV[5]) then
  redis.call('EXPIRE', KEYS[2], ARGV[5]) -- as long as the subject's longest session
end
if redis.call('SCARD', KEYS[2]) > 32 then
  for _, sid in ipairs(redis.call('SMEMBERS', KEYS[2])) do
    if redis.call('EXISTS', ARGV[7] .. sid) == 0 then
      redis.call('SREM', KEYS[2], sid)
    end
  end
end
return 1
