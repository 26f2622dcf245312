-- KEYS: session, ended sessions, version. ARGV: sid, channel, now. Answers the session's expiry, or 0.
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[3])
return revoke_session(KEYS[1], ARGV[1], KEYS[2], KEYS[3], ARGV[2]) or '0'
