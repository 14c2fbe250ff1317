-- wrk script for write-bench.sh: counts answers by status and prints one RESULT line.
--
--   wrk ... -s bench.lua URL -- post RUNTAG   POST /v1/documents with a new JSON article each
--                                            request (id RUNTAG-t<thread>-<n>); success = 201
--   wrk ... -s bench.lua URL -- get           GET the URL's path as is; success = 200
--
-- Articles are 1-3 KB: a headline line, a dateline with the agency, 4-9 paragraphs built from
-- a fixed stock of sentences, and a quote; each thread draws its own from a seeded generator.
-- The RESULT line (after wrk's own report) is what write-bench.sh reads:
--   RESULT ok=N other=N errors=N seconds=S p50_ms=X p99_ms=X

local threads = {}
local next_thread_id = 0

function setup(thread)
  next_thread_id = next_thread_id + 1
  thread:set("thread_id", next_thread_id)
  table.insert(threads, thread)
end

local cities = { "LISBON", "NAIROBI", "OSLO", "QUITO", "HANOI", "TUNIS", "RIGA", "PERTH", "GENEVA", "SANTIAGO" }
local months = { "January", "March", "May", "July", "September", "November" }
local agencies = { "Reuters", "AFP", "AP", "dpa" }
local headlines = {
  "Harbour board approves expansion of container terminal",
  "Central bank holds rates as inflation eases",
  "Council delays vote on transit fare increase",
  "Flood defences to get new funding after storms",
  "Health ministry extends vaccination campaign to rural districts",
  "Court orders review of mining licences near protected forest",
}
local sentences = {
  "Officials said the measure had been discussed for more than a year before it reached a vote.",
  "Opposition members criticised the timing of the announcement, days before the budget debate.",
  "The decision follows months of consultation with local businesses and residents' associations.",
  "Analysts expect the plan to cost several hundred million dollars over the next five years.",
  "Residents gathered outside the building as the meeting began, some carrying hand-written signs.",
  "A final report is due before the end of the next quarter, the ministry said in a statement.",
  "Trade groups welcomed the move but asked for clearer timelines and regular progress reports.",
  "The agency did not respond to a request for further comment on Tuesday evening.",
  "Figures published last month showed a sharp rise in demand across the region.",
  "Several lawmakers said they would push for amendments when the bill returns to committee.",
  "The project had already been delayed twice because of disputes over land and financing.",
  "Independent auditors are expected to publish their assessment early next year.",
}
local speakers = {
  "Maria Costa, a spokeswoman for the harbour authority",
  "Daniel Okafor, a senior economist at the central bank",
  "Ingrid Solberg, the city's mayor",
  "Tran Van Minh, a deputy minister",
}
local quotes = {
  "This gives us room to grow for a generation, and we intend to use it carefully",
  "Inflation is easing, but we are not there yet and we will not declare victory early",
  "We owe people a decision that is based on evidence rather than on pressure",
  "Every season we wait is a season of risk for the families who live along the river",
}

local function pick(list) return list[math.random(#list)] end

-- The text as a JSON string's contents: backslashes, quotes and line breaks escaped.
local function json_escape(text)
  return (text:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub('\n', '\\n'))
end

-- One article without its headline: dateline paragraph, body paragraphs, quote.
local function story()
  local paragraphs = { string.format("%s, %s %d (%s) - %s %s", pick(cities), pick(months), math.random(1, 28),
    pick(agencies), pick(sentences), pick(sentences)) }
  for _ = 1, math.random(4, 9) do
    paragraphs[#paragraphs + 1] = pick(sentences) .. " " .. pick(sentences) .. " " .. pick(sentences)
  end
  table.insert(paragraphs, math.random(2, #paragraphs), string.format('"%s," said %s.', pick(quotes), pick(speakers)))
  return table.concat(paragraphs, "\n\n")
end

local mode, run_tag, count, stories = "get", "run", 0, {}
ok, other = 0, 0

function init(args)
  mode = args[1] or "get"
  run_tag = args[2] or "run"
  math.randomseed(1000 + thread_id)
  if mode == "post" then
    for i = 1, 64 do stories[i] = json_escape(story()) end
  end
end

function request()
  if mode ~= "post" then return wrk.request() end
  count = count + 1
  local id = string.format("%s-t%d-%d", run_tag, thread_id, count)
  local body = string.format('{"id":"%s","text":"%s (%s)\\n\\n%s"}', id, json_escape(headlines[count % #headlines + 1]), id,
    stories[count % #stories + 1])
  return wrk.format("POST", "/v1/documents", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  local expected = mode == "post" and 201 or 200
  if status == expected then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local total_ok, total_other = 0, 0
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_other = total_other + thread:get("other")
  end
  local errors = summary.errors
  io.write(string.format("RESULT ok=%d other=%d errors=%d seconds=%.3f p50_ms=%.2f p99_ms=%.2f\n", total_ok, total_other,
    errors.connect + errors.read + errors.write + errors.timeout, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
