// Ink connects to React DevTools only when DEV=true; the bundle ships without them.
export default {initialize() {}, connectToDevTools() {}};
