import { shopStories } from '../stories/shop-stories';

shopStories('iam');
