-- wrk: each request is PREFIX followed by a random number in [1, MAX] (then SUFFIX), e.g.
-- PREFIX=/users/ MAX=100000, or PREFIX='/users?size=20&after=' MAX=99000.
local prefix = os.getenv("PREFIX") or "/"
local suffix = os.getenv("SUFFIX") or ""
local max = tonumber(os.getenv("MAX") or "1")

request = function()
  return wrk.format("GET", prefix .. math.random(1, max) .. suffix)
end

-- One line for scripts/load.sh: non2xx counts responses outside 2xx/3xx (wrk's errors.status).
done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.1f p50=%.2f p99=%.2f requests=%d non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
