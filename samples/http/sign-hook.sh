#!/usr/bin/env bash
# Signs and posts an inbound hook by the Standard Webhooks convention (what inbound-hooks.http needs a signature for).
#   samples/http/sign-hook.sh <path> <json-body> [webhook-id]
#   samples/http/sign-hook.sh /api/hooks/lawEnforcement/clues '{"channel":"suddenIncident","domain":"environmentalPollution","jurisdiction":"chongchuan"}'
#   samples/http/sign-hook.sh /api/hooks/court/cases/<caseId>/events/RuleAgreementValid '{"data":{}}'
# The signature covers "{webhook-id}.{webhook-timestamp}.POST {path}\n{Idempotency-Key}\n{body}" (docs/security.md);
# IDEMPOTENCY_KEY, when set, is sent and signed. HOST (default http://127.0.0.1:5080) and SECRET (default: the development secret of the system named in the path,
# from appsettings.Development.json) can be set in the environment. PRINT_ONLY=1 prints the headers instead of posting.
set -euo pipefail
path=$1
body=$2
id=${3:-msg_$(date +%s%N)}
host=${HOST:-http://127.0.0.1:5080}
system=$(printf '%s' "$path" | cut -d/ -f4)
case "${SECRET:-}:$system" in
  :lawEnforcement) SECRET='whsec_3eGE2ON80BJpoY8qJKzdfFmUAcaLs8EhIkvTrN/t9Us=' ;;
  :court) SECRET='whsec_xhNeGnH8MbYcOhUu7t07Iq4nSLIS92NKnmE1PdSKHco=' ;;
  :finance) SECRET='whsec_vtAheICwOvVK/7F0j32XfPbWFBaTBiZjlxIfNVc/RKA=' ;;
  :*) echo "set SECRET for system '$system'" >&2; exit 2 ;;
esac
timestamp=$(date +%s)
key_hex=$(printf '%s' "${SECRET#whsec_}" | base64 -d | od -An -v -tx1 | tr -d ' \n')
idem=${IDEMPOTENCY_KEY:-}
signature=$(printf '%s.%s.POST %s\n%s\n%s' "$id" "$timestamp" "$path" "$idem" "$body" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key_hex" -binary | base64)
if [ -n "${PRINT_ONLY:-}" ]; then
  printf 'webhook-id: %s\nwebhook-timestamp: %s\nwebhook-signature: v1,%s\n' "$id" "$timestamp" "$signature"
  [ -n "$idem" ] && printf 'Idempotency-Key: %s\n' "$idem"
  exit 0
fi
curl -sS -i -X POST "$host$path" -H 'Content-Type: application/json' \
  -H "webhook-id: $id" -H "webhook-timestamp: $timestamp" -H "webhook-signature: v1,$signature" \
  ${idem:+-H "Idempotency-Key: $idem"} --data-binary "$body"
echo
