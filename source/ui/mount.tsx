import {type Instance, render, type RenderOptions} from 'ink';
import App from './app.js';
import {type AppServices, ServicesProvider} from './context.js';

/**
Draws the dashboard with Ink. A module of its own so that `main.tsx` loads Ink, React and the views only after it
has asked the engine for the lists: they load (about 20 ms) while the engine answers.
*/
export function mount(services: AppServices, options: RenderOptions): Instance {
	return render(
		<ServicesProvider value={services}>
			<App />
		</ServicesProvider>,
		options,
	);
}
