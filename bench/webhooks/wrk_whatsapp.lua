-- wrk script: POSTs pre-signed WhatsApp webhook bodies (made by make_bodies.py; the file named
-- by $WRK_BODIES) round-robin, each thread from its own offset, and counts the answers by
-- status, so a run can be compared with what the database holds. At the end it prints
-- `ok=<200s> other=<non-200 answers>` and p50/p99 latency in milliseconds.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  bodies = dofile(os.getenv("WRK_BODIES"))
  next_index = (id * 7919) % #bodies
  ok = 0
  other = 0
end

function request()
  next_index = next_index % #bodies + 1
  local b = bodies[next_index]
  return wrk.format("POST", "/webhooks/whatsapp",
                    { ["Content-Type"] = "application/json", ["X-Hub-Signature-256"] = b.sig },
                    b.body)
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local total_ok, total_other = 0, 0
  for _, t in ipairs(threads) do
    total_ok = total_ok + t:get("ok")
    total_other = total_other + t:get("other")
  end
  io.write(string.format("ok=%d other=%d\n", total_ok, total_other))
  io.write(string.format("p50_ms=%.2f p99_ms=%.2f rps=%.1f\n",
                         latency:percentile(50) / 1000, latency:percentile(99) / 1000,
                         summary.requests / (summary.duration / 1e6)))
end
