/**
The docker CLI lines of the actions that take a spec (run, commit, tag, exec, attach): what someone would type to
do the same. Pure; `task.ts` and the commands record them in the command log.
*/
import type {CommitSpec, PortMapping, RunSpec} from '../engine/types.js';
import type {DockerLine} from './task.js';

/**
A published port as `-p` takes it: `8080:80`, `127.0.0.1:8080:80/udp`, `127.0.0.1::80`, `80`.
*/
export function portFlag(port: PortMapping): string {
	const protocol = port.protocol === 'tcp' ? '' : `/${port.protocol}`;
	const ip =
		port.ip && port.ip !== '0.0.0.0'
			? `${port.ip.includes(':') ? `[${port.ip}]` : port.ip}:`
			: '';
	if (port.publicPort === undefined) {
		return ip
			? `${ip}:${port.privatePort}${protocol}`
			: `${port.privatePort}${protocol}`;
	}

	return `${ip}${port.publicPort}:${port.privatePort}${protocol}`;
}

/**
`docker run -d --name x -p 8080:80 -e A=1 busybox:local sh -c 'echo hi'` (as words).
*/
export function runLine(spec: RunSpec): DockerLine {
	return [
		'docker',
		'run',
		spec.tty ? '-it' : '-d',
		...(spec.name ? ['--name', spec.name] : []),
		...spec.ports.flatMap(port => ['-p', portFlag(port)]),
		...spec.env.flatMap(entry => ['-e', entry]),
		...spec.volumes.flatMap(volume => ['-v', volume]),
		...(spec.restartPolicy === 'no' ? [] : ['--restart', spec.restartPolicy]),
		...(spec.autoRemove ? ['--rm'] : []),
		...Object.entries(spec.labels).flatMap(([key, value]) => [
			'--label',
			`${key}=${value}`,
		]),
		spec.image,
		...spec.cmd,
	];
}

/**
`docker commit --pause=true -m msg -a author web app:v2`.
*/
export function commitLine(
	container: string,
	spec: CommitSpec & {readonly reference: string},
): DockerLine {
	return [
		'docker',
		'commit',
		`--pause=${String(spec.pause)}`,
		...(spec.message ? ['-m', spec.message] : []),
		...(spec.author ? ['-a', spec.author] : []),
		container,
		spec.reference,
	];
}
