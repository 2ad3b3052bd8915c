#!/usr/bin/env python3
# One S3 request, signed with AWS Signature V4 from the environment's VSYS_S3_ACCESS_KEY and
# VSYS_S3_SECRET_KEY (never from arguments), or anonymous with --anonymous. tools/exchange-s3
# uses it to create the bucket and set its policy and CORS rules; it is also an independent
# signer to check src/sync/s3_sigv4 against (standard library only, no awscli needed).
#   s3_request.py METHOD URL [--body FILE|-] [--header 'Name: value']... [--anonymous]
# Prints the status line, then the body; exit 0 for 2xx, 1 otherwise.
import datetime, hashlib, hmac, os, sys, urllib.error, urllib.parse, urllib.request

REGION, SERVICE = "us-east-1", "s3"


def sign(method, url, headers, body, access, secret, now):
    u = urllib.parse.urlsplit(url)
    amz_date = now.strftime("%Y%m%dT%H%M%SZ")
    day = amz_date[:8]
    payload = hashlib.sha256(body).hexdigest()
    headers = dict(headers)
    headers["host"] = u.netloc
    headers["x-amz-date"] = amz_date
    headers["x-amz-content-sha256"] = payload
    query = sorted(urllib.parse.parse_qsl(u.query, keep_blank_values=True))
    canonical_query = "&".join(f"{urllib.parse.quote(k, safe='-_.~')}={urllib.parse.quote(v, safe='-_.~')}" for k, v in query)
    names = sorted(k.lower() for k in headers)
    lower = {k.lower(): " ".join(str(v).split()) for k, v in headers.items()}
    canonical_headers = "".join(f"{n}:{lower[n]}\n" for n in names)
    signed = ";".join(names)
    path = urllib.parse.quote(urllib.parse.unquote(u.path or "/"), safe="/-_.~")
    request = "\n".join([method, path, canonical_query, canonical_headers, signed, payload])
    scope = f"{day}/{REGION}/{SERVICE}/aws4_request"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(request.encode()).hexdigest()])
    key = ("AWS4" + secret).encode()
    for part in (day, REGION, SERVICE, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    headers["Authorization"] = f"AWS4-HMAC-SHA256 Credential={access}/{scope}, SignedHeaders={signed}, Signature={signature}"
    del headers["host"]
    return headers


def main(argv):
    if len(argv) < 3:
        print(__doc__ or "usage: s3_request.py METHOD URL [--body FILE|-] [--header 'Name: value'] [--anonymous]", file=sys.stderr)
        return 2
    method, url = argv[1], argv[2]
    body, headers, anonymous = b"", {}, False
    i = 3
    while i < len(argv):
        if argv[i] == "--body":
            body = sys.stdin.buffer.read() if argv[i + 1] == "-" else open(argv[i + 1], "rb").read()
            i += 2
        elif argv[i] == "--header":
            name, _, value = argv[i + 1].partition(":")
            headers[name.strip()] = value.strip()
            i += 2
        elif argv[i] == "--anonymous":
            anonymous = True
            i += 1
        else:
            print(f"s3_request.py: unknown argument {argv[i]}", file=sys.stderr)
            return 2
    if not anonymous:
        access, secret = os.environ.get("VSYS_S3_ACCESS_KEY"), os.environ.get("VSYS_S3_SECRET_KEY")
        if not access or not secret:
            print("s3_request.py: VSYS_S3_ACCESS_KEY and VSYS_S3_SECRET_KEY must be set", file=sys.stderr)
            return 2
        headers = sign(method, url, headers, body, access, secret, datetime.datetime.now(datetime.timezone.utc))
    req = urllib.request.Request(url, data=body if method in ("PUT", "POST") else None, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            status, text = r.status, r.read()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read()
    print(status)
    sys.stdout.write(text.decode("utf-8", "replace"))
    if text and not text.endswith(b"\n"):
        print()
    return 0 if 200 <= status < 300 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
