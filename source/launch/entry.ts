#!/usr/bin/env node
// dist/cli.cjs, the program npm installs as `dockpit`: it runs the bundle beside it (launcher.ts says how).
import path from 'node:path';
import {launch} from './launcher.js';

launch(path.join(__dirname, 'dockpit.cjs'));
