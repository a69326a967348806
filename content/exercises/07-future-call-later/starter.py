import asyncio


async def courier(fut, seconds, item):
    await asyncio.sleep(seconds)
    print(f'骑手: {item} 送达')
    # TODO: 把 item 设为 fut 的结果


async def main():
    loop = asyncio.get_running_loop()
    milk_tea = loop.create_future()
    pizza = loop.create_future()

    # TODO: 用 loop.call_later 安排在 1 秒后把 milk_tea 的结果设为 '奶茶'
    # TODO: 创建一个任务运行 courier(pizza, 2, '披萨')

    print('等待外卖…')
    print('收到', await milk_tea)
    print('收到', await pizza)


asyncio.run(main())
