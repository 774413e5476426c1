// Langium 4.4 needs Object.groupBy, which Node 20 lacks (see README, "Node 20").
import '@topo/language/polyfill';
