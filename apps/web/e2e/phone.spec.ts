import { phoneStories } from './stories/phone-stories';

phoneStories('token');
