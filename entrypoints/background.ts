import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../ext/background-main';

export default defineBackground(() => startBackground());
