# Computes EventChain's test vectors independently of the Java code, from the encoding in docs/compliance.md:
#   python3 chain-vector.py
import calendar, hashlib, struct

def text(s):
    b = s.encode("utf-8")
    return struct.pack(">I", len(b)) + b

def link(prev, event_id, type_, epoch_second, nano, actor, room, message_id, content):
    enc = text("perch-compliance-chain-1") + text(prev) + text(event_id) + text(type_)
    enc += text(str(epoch_second)) + text(str(nano)) + text(actor)
    enc += b"\x00" if room is None else b"\x01" + text(room[0]) + text(room[1]) + text(room[2])
    enc += b"\x00" if message_id is None else b"\x01" + text(message_id)
    enc += text(content)
    return hashlib.sha256(enc).hexdigest()

genesis = "0" * 64
second = calendar.timegm((2026, 1, 31, 12, 34, 56))  # 2026-01-31T12:34:56.123456789Z
chat = link(genesis, "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b", "CHAT", second, 123456789, "alice@example.org",
            ("9b2f6c1e-0d4a-4c3b-8e7f-6a5b4c3d2e1f", "bond-desk", "Bond Desk"), "m-1", "h\u00e9llo \U0001F44B")
print("chat", chat)
category = link(chat, "00000000-0000-0000-0000-000000000002", "CATEGORY_CREATED", second, 0, "example.org",
                None, None, "")
print("category", category)
empty_message_id = link(genesis, "00000000-0000-0000-0000-000000000002", "CATEGORY_CREATED", second, 0,
                        "example.org", None, "", "")
print("category with an empty message id", empty_message_id)
