import {inspect} from 'node:util';

/**
Docker-modem writes every request's options through `util.inspect(options, {showHidden: true, depth: null})` for
its debug log, whether that log is on or not, and the options hold the connection's agent. Walked to the bottom,
a keep-alive agent with its sockets is thousands of objects: under a stream of events it was a quarter of
dockpit's CPU (the fault suite's churn: 25 s of 95 s in util.inspect, with keys answering in 400–550 ms at
p95). The agent answers that inspection with its class name instead.
*/
export default function quietInspect<T extends object>(agent: T): T {
	Object.defineProperty(agent, inspect.custom, {
		value: () => `[${agent.constructor.name}]`,
		configurable: true,
	});
	return agent;
}
