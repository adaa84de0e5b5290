import { accessibilityStories } from './stories/accessibility-stories';

accessibilityStories('token');
