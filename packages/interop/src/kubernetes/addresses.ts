// Where a workload is configured to send requests: the host names in its environment values,
// written as `host:port`, a URL (`http://host…`, `redis://user@host:6379/0`) or a cluster
// name (`host.namespace.svc.cluster.local`). A bare word counts only in a variable whose name
// says it holds an address (`REDIS_HOST`, `CART_SERVICE_ADDR`), as words like `true` do not.

export interface Address {
  /** The Service name: the first label of a cluster host; the whole host outside the cluster. */
  service: string;
  /** The namespace the host names (`host.namespace…`), if it names one. */
  namespace?: string;
  /** The host as written, for messages. */
  host: string;
}

const URL_HOSTS = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#]+)/i;
const HOST_PORT = /^([a-z0-9]([a-z0-9.-]*[a-z0-9])?):\d+$/i;
const CLUSTER_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?\.[a-z0-9]([a-z0-9-]*[a-z0-9])?\.svc(\.cluster\.local)?\.?$/i;
/** `cart` or `cart.shop` (a Service in another namespace). */
const BARE_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)?$/i;
const ADDRESS_VARIABLE = /(_|^)(HOST|HOSTNAME|ADDR|ADDRESS|SERVICE|ENDPOINT|URL|URI)$/i;
/** Hosts that are the pod itself or every interface: never another service. */
const LOCAL = new Set(['localhost', '127.0.0.1', '0.0.0.0', '::1', '[::1]']);

/** The addresses in one environment variable's value, in order. */
export function addressesIn(variable: string, value: string): Address[] {
  const text = value.trim();
  const url = URL_HOSTS.exec(text);
  // A URL's authority may list several hosts (`mongodb://a:27017,b:27017`).
  const hosts = url
    ? url[1]!.split(',').map((h) => h.replace(/:\d+$/, ''))
    : HOST_PORT.test(text)
      ? [text.replace(/:\d+$/, '')]
      : CLUSTER_NAME.test(text) || (ADDRESS_VARIABLE.test(variable) && BARE_NAME.test(text) && !/^\d+$/.test(text))
        ? [text]
        : [];
  return hosts.filter((h) => h !== '' && !LOCAL.has(h.toLowerCase()) && !/^\d+(\.\d+){3}$/.test(h)).map(address);
}

/** `cart`, `cart.shop`, `cart.shop.svc…` name a Service; any other dotted host is outside the cluster. */
function address(host: string): Address {
  const labels = host.replace(/\.$/, '').toLowerCase().split('.');
  if (labels.length === 1) return { service: labels[0]!, host };
  if (labels.length === 2 || labels[2] === 'svc') return { service: labels[0]!, namespace: labels[1], host };
  return { service: host.toLowerCase(), host };
}
