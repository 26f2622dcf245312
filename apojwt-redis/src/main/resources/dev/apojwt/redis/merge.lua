-- KEYS: ended sessions, revoked subjects, their cutoffs, version.
-- ARGV: the number of sessions, then sid and keepUntil for each, then subject, cutoff and keepUntil
-- for each. Writes back revocations a mirror knows and Redis lacks (Redis restarted empty, or a
-- replica promoted without them). Answers the new version.
local n = tonumber(ARGV[1])
local i = 2
for _ = 1, n do
  redis.call('ZADD', KEYS[1], 'GT', ARGV[i + 1], ARGV[i])
  i = i + 2
end
while i <= #ARGV do
  local old = redis.call('HGET', KEYS[3], ARGV[i])
  if not old or tonumber(old) < tonumber(ARGV[i + 1]) then
    redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 1])
  end
  redis.call('ZADD', KEYS[2], 'GT', ARGV[i + 2], ARGV[i])
  i = i + 3
end
return redis.call('INCR', KEYS[4])
