#!/bin/sh
# Orleans must advertise an IP, never a host name (orleans.md §2.2, Orleans.Redis#18). Kubernetes passes the pod IP
# (VNexsus__AdvertisedIPAddress from status.podIP); elsewhere (compose) take this container's own address.
set -eu
if [ "${VNexsus__Mode:-Embedded}" = "Distributed" ] && [ -z "${VNexsus__AdvertisedIPAddress:-}" ]; then
  VNexsus__AdvertisedIPAddress="$(hostname -i | awk '{print $1}')"
  export VNexsus__AdvertisedIPAddress
fi
exec "$@"
