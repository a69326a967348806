import asyncio

MENU = ['凉菜', '热菜', '甜点']


async def cook(dish, my_turn, next_turn):
    print(f'{dish}: 开始做')
    await asyncio.sleep(1)  # 每道菜都要做 1 秒
    # Cooking happens in parallel, but serving follows the menu: wait until the previous dish is
    # served, then let the next one go. The order no longer depends on who wakes up first.
    await my_turn.wait()
    print(f'{dish}: 上桌')
    next_turn.set()


async def main():
    turns = [asyncio.Event() for _ in range(len(MENU) + 1)]
    turns[0].set()
    await asyncio.gather(*(cook(dish, turns[i], turns[i + 1]) for i, dish in enumerate(MENU)))
    print('开饭！')


asyncio.run(main())
