#!/usr/bin/env python3
"""Writes a Lua file with N pre-signed WhatsApp webhook bodies for wrk_whatsapp.lua.

Each body is a small, realistic delivery (one text message from an unknown number, or one
status update) with its own message id, signed like Meta signs: X-Hub-Signature-256 =
"sha256=" + HMAC-SHA256(app secret, exact body bytes).
Usage: make_bodies.py SECRET COUNT OUT.lua
"""
import hashlib
import hmac
import json
import sys


def body(i: int) -> str:
    value = {"messaging_product": "whatsapp",
             "metadata": {"display_phone_number": "31201234567", "phone_number_id": "1122334455667"}}
    if i % 2 == 0:
        value["contacts"] = [{"profile": {"name": "Bench"}, "wa_id": "31600000000"}]
        value["messages"] = [{"from": "31600000000", "id": f"wamid.bench.{i}",
                              "timestamp": "1800000000", "type": "text",
                              "text": {"body": "Ja, ik kom graag"}}]
    else:
        value["statuses"] = [{"id": f"wamid.bench.{i}", "status": "delivered",
                              "timestamp": "1800000000", "recipient_id": "31600000000"}]
    return json.dumps({"object": "whatsapp_business_account",
                       "entry": [{"id": "5467539754836534",
                                  "changes": [{"field": "messages", "value": value}]}]},
                      separators=(",", ":"))


def lua_string(s: str) -> str:
    return "[==[" + s + "]==]"


def main() -> None:
    secret, count, out = sys.argv[1].encode(), int(sys.argv[2]), sys.argv[3]
    with open(out, "w") as f:
        f.write("return {\n")
        for i in range(count):
            b = body(i)
            sig = "sha256=" + hmac.new(secret, b.encode(), hashlib.sha256).hexdigest()
            f.write(f"  {{ body = {lua_string(b)}, sig = {lua_string(sig)} }},\n")
        f.write("}\n")


if __name__ == "__main__":
    main()
