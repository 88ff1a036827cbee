#!/usr/bin/env bash
# Certificates for the tcp+TLS tests, made with openssl, as `docker` expects them in DOCKER_CERT_PATH.
#
#   bash test/tls-certs.sh DIR
#
# DIR/ca.pem, ca-key.pem        a throwaway certificate authority
# DIR/server-cert.pem, -key.pem the server's certificate for 127.0.0.1 and localhost, signed by that CA
# DIR/client/{ca,cert,key}.pem  a client certificate signed by the CA (a DOCKER_CERT_PATH folder)
# DIR/wrong-ca/{ca,cert,key}.pem the same client certificate, but another CA to check the server with
# DIR/no-client/ca.pem          the right CA and no client certificate
# On a machine without openssl it installs Debian's openssl (as root).
set -euo pipefail

dir=${1:?usage: tls-certs.sh DIR}
if ! command -v openssl >/dev/null 2>&1; then
	if [[ $(id -u) != 0 ]]; then
		echo "tls-certs.sh: openssl is missing; install it (apt-get install openssl)" >&2
		exit 1
	fi
	apt-get update -qq >/dev/null
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openssl >/dev/null
fi

mkdir -p "$dir/client" "$dir/wrong-ca" "$dir/no-client"
cd "$dir"
quiet() { "$@" >/dev/null 2>&1; }

quiet openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj '/CN=dockpit test CA' \
	-keyout ca-key.pem -out ca.pem
quiet openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj '/CN=dockpit other CA' \
	-keyout other-ca-key.pem -out other-ca.pem

quiet openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj '/CN=127.0.0.1' -keyout server-key.pem -out server.csr
printf 'subjectAltName = IP:127.0.0.1, DNS:localhost\nextendedKeyUsage = serverAuth\n' >server.ext
quiet openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 \
	-extfile server.ext -out server-cert.pem

quiet openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj '/CN=dockpit client' -keyout client/key.pem -out client.csr
printf 'extendedKeyUsage = clientAuth\n' >client.ext
quiet openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 \
	-extfile client.ext -out client/cert.pem
cp ca.pem client/ca.pem

cp client/cert.pem client/key.pem wrong-ca/
cp other-ca.pem wrong-ca/ca.pem
cp ca.pem no-client/ca.pem
chmod -R go-rwx "$dir"
