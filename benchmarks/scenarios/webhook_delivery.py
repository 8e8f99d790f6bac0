#!/usr/bin/env python3
"""Webhook deliveries to a local receiver, measured from outside the service.

Starts a receiver on loopback (HTTP/1.1 keep-alive, or HTTP/1.0: one connection per request,
closed after each answer, as Python's http.server does), registers it as a webhook endpoint,
onboards EVENTS customers (EVENTS customer.created events) from THREADS client threads, and
waits until the receiver has every event. It prints, per event, the time from the customer's
creation (the verify answer) to the receiver's arrival, how long all took, and from the
service's delivery log how many deliveries failed their first try.

    webhook_delivery.py ORIGIN API_KEY keepalive|http10 [EVENTS] [THREADS]
"""
import http.server
import json
import statistics
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

origin, api_key, kind = sys.argv[1], sys.argv[2], sys.argv[3]
events = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
threads = int(sys.argv[5]) if len(sys.argv) > 5 else 8

arrived = {}  # customer id -> monotonic time of the first arrival
created = {}  # customer id -> monotonic time the verify answer came back
lock = threading.Lock()
all_arrived = threading.Event()


class Receiver(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1" if kind == "keepalive" else "HTTP/1.0"

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        now = time.monotonic()
        customer = json.loads(body).get("customer_id")
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()
        with lock:
            arrived.setdefault(customer, now)
            if len(arrived) >= events:
                all_arrived.set()

    def log_message(self, *args):
        pass


receiver = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
threading.Thread(target=receiver.serve_forever, daemon=True).start()


def call(method, path, body=None):
    request = urllib.request.Request(
        origin + path,
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": "Bearer " + api_key, "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read() or b"null")


endpoint = call(
    "POST",
    "/v1/webhook_endpoints",
    {"url": "http://127.0.0.1:%d/hooks" % receiver.server_port, "enabled_events": ["*"]},
)["id"]


def onboard(n):
    session = call("POST", "/v1/customers/initiate", {"phone_number": "+25884%07d" % n})
    customer = call(
        "POST",
        "/v1/customers",
        {"session_id": session["session_id"], "verification_code": session["otp"]},
    )
    with lock:
        created[customer["customer_id"]] = time.monotonic()


start = time.monotonic()
with ThreadPoolExecutor(threads) as pool:
    list(pool.map(onboard, range(1, events + 1)))
generated = time.monotonic() - start
complete = all_arrived.wait(120)
took = time.monotonic() - start

latencies = sorted(
    (arrived[c] - created[c]) * 1000 for c in created if c in arrived and arrived[c] >= created[c]
)
first_try_failures, tries, token = 0, 0, None
while True:
    page = call(
        "GET",
        "/v1/webhook_endpoints/%s/deliveries?page_size=100%s"
        % (endpoint, "" if token is None else "&page_token=" + token),
    )
    for delivery in page["data"]:
        attempts = delivery["attempts"]
        tries += len(attempts)
        if attempts and attempts[0]["status_code"] != 204:
            first_try_failures += 1
    token = page.get("next_page_token")
    if not page.get("has_more") or not token:
        break


def pct(p):
    return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))]


print(
    "%-9s events %d, all arrived %s, onboarding %.1f s, last arrival %.1f s after the start;"
    " creation to arrival ms: median %.0f, p90 %.0f, p99 %.0f, max %.0f;"
    " first tries failed %d; tries %d"
    % (
        kind,
        events,
        "yes" if complete else "NO (%d)" % len(arrived),
        generated,
        max(arrived.values()) - start if arrived else float("nan"),
        statistics.median(latencies) if latencies else float("nan"),
        pct(90) if latencies else float("nan"),
        pct(99) if latencies else float("nan"),
        latencies[-1] if latencies else float("nan"),
        first_try_failures,
        tries,
    )
)
receiver.shutdown()
