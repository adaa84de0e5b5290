import { phoneStories } from '../stories/phone-stories';

phoneStories('iam');
