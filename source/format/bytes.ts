const unitNames = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/**
Size the way the docker CLI shows it: decimal units, three significant digits (`1.23MB`, `512kB`).
*/
export default function formatBytes(bytes: number): string {
	if (!Number.isFinite(bytes) || bytes < 0) {
		return '?';
	}

	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < unitNames.length - 1) {
		value /= 1000;
		unit++;
	}

	const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
	return `${Number(value.toFixed(digits))}${unitNames[unit]}`;
}
