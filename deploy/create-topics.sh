#!/usr/bin/env bash
# Create newswire's seven topics on a Kafka cluster. Idempotent: existing topics are
# left as they are (--if-not-exists). Runs in the apache/kafka image (compose service
# "topics") or anywhere kafka-topics.sh is available.
#
# Environment (defaults in brackets):
#   NEWSWIRE_BROKER        bootstrap address [kafka:9092]
#   NEWSWIRE_PARTITIONS    partitions per topic [6]; the worker must use the same value
#   NEWSWIRE_REPLICATION   replication factor [1]
#   NEWSWIRE_TOPIC_*       topic names, as read by the worker (service/settings.py)
#   NEWSWIRE_SECURITY_PROTOCOL, NEWSWIRE_SASL_MECHANISM, NEWSWIRE_SASL_USERNAME,
#   NEWSWIRE_SASL_PASSWORD, NEWSWIRE_SSL_CAFILE   for a SASL/TLS cluster [PLAINTEXT]
#   KAFKA_TOPICS_BIN       the kafka-topics tool [/opt/kafka/bin/kafka-topics.sh]
set -euo pipefail

bootstrap="${NEWSWIRE_BROKER:-kafka:9092}"
bootstrap="${bootstrap#kafka://}"
partitions="${NEWSWIRE_PARTITIONS:-6}"
replication="${NEWSWIRE_REPLICATION:-1}"
kafka_topics="${KAFKA_TOPICS_BIN:-/opt/kafka/bin/kafka-topics.sh}"

topics=(
  "${NEWSWIRE_TOPIC_RAW:-ntb.wire.raw}"
  "${NEWSWIRE_TOPIC_ARTICLES:-newswire.internal.articles}"
  "${NEWSWIRE_TOPIC_CLAIMS_BY_THEATRE:-newswire.internal.claims-by-theatre}"
  "${NEWSWIRE_TOPIC_ENRICHED:-ntb.wire.enriched}"
  "${NEWSWIRE_TOPIC_QUOTES:-ntb.wire.quotes}"
  "${NEWSWIRE_TOPIC_CLAIMS:-ntb.wire.claims}"
  "${NEWSWIRE_TOPIC_DLQ:-ntb.wire.dlq}"
  "${NEWSWIRE_TOPIC_TIMELINE:-ntb.claims.timeline}"
)

client_args=()
protocol="${NEWSWIRE_SECURITY_PROTOCOL:-PLAINTEXT}"
if [[ "$protocol" != "PLAINTEXT" ]]; then
  config="$(mktemp)"
  trap 'rm -f "$config"' EXIT
  echo "security.protocol=$protocol" >"$config"
  if [[ "$protocol" == SASL_* ]]; then
    mechanism="${NEWSWIRE_SASL_MECHANISM:-PLAIN}"
    case "$mechanism" in
      PLAIN) module=org.apache.kafka.common.security.plain.PlainLoginModule ;;
      SCRAM-SHA-256|SCRAM-SHA-512) module=org.apache.kafka.common.security.scram.ScramLoginModule ;;
      *) echo "create-topics: unsupported NEWSWIRE_SASL_MECHANISM=$mechanism" >&2; exit 2 ;;
    esac
    {
      echo "sasl.mechanism=$mechanism"
      echo "sasl.jaas.config=$module required username=\"${NEWSWIRE_SASL_USERNAME:?NEWSWIRE_SASL_USERNAME is required for $protocol}\" password=\"${NEWSWIRE_SASL_PASSWORD:?NEWSWIRE_SASL_PASSWORD is required for $protocol}\";"
    } >>"$config"
  fi
  if [[ -n "${NEWSWIRE_SSL_CAFILE:-}" ]]; then
    printf 'ssl.truststore.type=PEM\nssl.truststore.location=%s\n' "$NEWSWIRE_SSL_CAFILE" >>"$config"
  fi
  client_args=(--command-config "$config")
fi

# Dead letters carry the original base64-encoded (4/3 of its size): outputs accept records
# up to the worker's producer limit, the raw topic 3/4 of that less headroom.
max_request="${NEWSWIRE_MAX_REQUEST_BYTES:-8388608}"
max_raw=$(( max_request * 3 / 4 - 65536 ))

echo "create-topics: ${#topics[@]} topics on $bootstrap, $partitions partition(s), replication $replication"
for topic in "${topics[@]}"; do
  limit="$max_request"
  [[ "$topic" == "${NEWSWIRE_TOPIC_RAW:-ntb.wire.raw}" ]] && limit="$max_raw"
  "$kafka_topics" --bootstrap-server "$bootstrap" "${client_args[@]}" \
    --create --if-not-exists --topic "$topic" \
    --partitions "$partitions" --replication-factor "$replication" \
    --config "max.message.bytes=$limit"
done
"$kafka_topics" --bootstrap-server "$bootstrap" "${client_args[@]}" --describe --topic "$(IFS='|'; echo "${topics[*]}")" | grep -E '^Topic:' || true
echo "create-topics: done"
