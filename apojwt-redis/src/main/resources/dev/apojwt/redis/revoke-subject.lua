-- KEYS: subject's sessions, ended sessions, version, revoked subjects, their cutoffs.
-- ARGV: subject, cutoff, keepUntil, now, channel, session key prefix.
-- The cutoff first: from here on the subject's tokens issued so far are refused.
local cutoff = ARGV[2]
local old = redis.call('HGET', KEYS[5], ARGV[1])
if old and tonumber(old) > tonumber(cutoff) then
  cutoff = old
end
redis.call('HSET', KEYS[5], ARGV[1], cutoff)
redis.call('ZADD', KEYS[4], 'GT', ARGV[3], ARGV[1])
local keep = redis.call('ZSCORE', KEYS[4], ARGV[1])
for _, subject in ipairs(redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', ARGV[4])) do
  redis.call('HDEL', KEYS[5], subject)
end
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[4])
local v = redis.call('INCR', KEYS[3])
redis.call('PUBLISH', ARGV[5], 'u ' .. v .. ' ' .. keep .. ' ' .. cutoff .. ' ' .. ARGV[1])
for _, sid in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  revoke_session(ARGV[6] .. sid, sid, KEYS[2], KEYS[3], ARGV[5])
end
redis.call('DEL', KEYS[1])
return 1
