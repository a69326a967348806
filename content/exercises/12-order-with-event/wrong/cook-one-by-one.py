import asyncio

MENU = ['凉菜', '热菜', '甜点']


async def cook(dish):
    print(f'{dish}: 开始做')
    await asyncio.sleep(1)  # 每道菜都要做 1 秒
    print(f'{dish}: 上桌')


async def main():
    # Mistake: the order is right, but the dishes are now cooked one after another: dinner is
    # served at t=3 instead of t=1.
    for dish in MENU:
        await cook(dish)
    print('开饭！')


asyncio.run(main())
