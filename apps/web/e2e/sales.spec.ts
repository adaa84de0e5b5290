import { salesStories } from './stories/sales-stories';

salesStories('token');
