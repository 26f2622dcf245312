-- KEYS: generation, version, ended sessions, revoked subjects, their cutoffs. ARGV: now, a new generation.
-- Every revocation that still matters, with the version it is current as of, in one atomic read.
-- A Redis that lost its data (restarted empty) gets a new generation, so no mirror mistakes it
-- for the one it knew.
redis.call('SET', KEYS[1], ARGV[2], 'NX')
local generation = redis.call('GET', KEYS[1])
local version = redis.call('GET', KEYS[2]) or '0'
local sessions = redis.call('ZRANGEBYSCORE', KEYS[3], '(' .. ARGV[1], '+inf', 'WITHSCORES')
local subjects = redis.call('ZRANGEBYSCORE', KEYS[4], '(' .. ARGV[1], '+inf', 'WITHSCORES')
local cutoffs = {}
for i = 1, #subjects, 2 do
  cutoffs[#cutoffs + 1] = redis.call('HGET', KEYS[5], subjects[i]) or '-1'
end
return {generation, version, sessions, subjects, cutoffs}
