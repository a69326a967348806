import asyncio

MENU = ['凉菜', '热菜', '甜点']


async def cook(dish):
    print(f'{dish}: 开始做')
    await asyncio.sleep(1)  # 每道菜都要做 1 秒
    # Mistake: relies on the three timers, which all end at t=1, firing in creation order.
    # CPython happens to do that, but nothing guarantees it.
    print(f'{dish}: 上桌')


async def main():
    await asyncio.gather(*(cook(dish) for dish in MENU))
    print('开饭！')


asyncio.run(main())
